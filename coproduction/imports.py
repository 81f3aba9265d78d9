"""The check-and-confirm step every spreadsheet import shares (initiatives, feedback).

Step 1 keeps the uploaded file in the database (each app's own upload model) and puts only
which one in the session; step 2 (`KeptUploadMixin`) finds it again, checks it and imports it
once. A second click, another tab or a back button after the import is told so and adds
nothing; someone with nothing (left) to check is sent back to the upload page.
"""

from collections.abc import Callable
from functools import cached_property
from typing import Any

from django.contrib import messages
from django.http import HttpRequest
from django.shortcuts import redirect


class KeptUploadMixin:
    """For a check-and-confirm view behind `AreaPermissionMixin` (it needs `self.area`).

    Set `session_key` (the session entry step 1 writes: {"area": pk, "upload": pk}),
    `upload_url_name` (step 1's URL name), `done_url_name` (where a finished import lands),
    `already_imported_message` and `find_upload` (a selector taking area, person and pk that
    returns the person's kept upload in the area, or None).
    """

    request: HttpRequest
    area: Any  # set by AreaPermissionMixin
    session_key: str
    upload_url_name: str
    done_url_name: str
    already_imported_message: str
    find_upload: Callable[..., Any]

    @cached_property
    def upload(self):
        """The file this person is importing here, or None (nothing uploaded, or another
        area's)."""
        kept = self.request.session.get(self.session_key)
        if not kept or kept.get("area") != self.area.pk:
            return None
        return type(self).find_upload(
            area=self.area,
            person=self.request.user,
            pk=kept.get("upload"),
        )

    def answer_without_upload(self):
        """A redirect when there is nothing (more) to check or import, else None."""
        if self.upload is None:
            return redirect(self.upload_url_name, area_slug=self.area.slug)
        if self.upload.imported_at is not None:
            return self.already_imported()
        return None

    def get(self, request, *args, **kwargs):
        return self.answer_without_upload() or super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        return self.answer_without_upload() or super().post(request, *args, **kwargs)

    def forget_upload(self) -> None:
        """The import is done: the session no longer points at the file."""
        self.request.session.pop(self.session_key, None)

    def already_imported(self):
        """A second click on the import button (or another tab): say so, add nothing."""
        self.forget_upload()
        messages.error(self.request, self.already_imported_message)
        return redirect(self.done_url_name, area_slug=self.area.slug)

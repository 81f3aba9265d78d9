from django.http import FileResponse
from django.views.generic import TemplateView, View

from coproduction.people.mixins import AreaRecordMixin, found
from forums.meetings import selectors


class MeetingRecordMixin(AreaRecordMixin):
    record_name = "meeting"
    not_found_message = "There is no such meeting in this area."

    def find_record(self):
        return selectors.meeting_get(area=self.area, pk=self.kwargs["pk"])


class PaperDownloadView(MeetingRecordMixin, View):
    """A paper version, for invitees and organisers only, named with its version. Never a
    public URL: the file's storage name is random and MEDIA_URL does not serve it."""

    permission_required = "meetings.view_papers"

    def get(self, request, *args, **kwargs):
        version = found(
            selectors.paper_version_get(meeting=self.record, pk=kwargs["version_pk"]),
            "There is no such paper for this meeting.",
        )
        response = FileResponse(
            version.file.open("rb"),
            as_attachment=True,
            filename=version.download_name,
            content_type=version.content_type,
        )
        response["Cache-Control"] = "private, no-store"
        response["X-Content-Type-Options"] = "nosniff"
        return response


class MeetingDetailView(MeetingRecordMixin, TemplateView):
    permission_required = "meetings.view_meeting"
    template_name = "meetings/meeting_detail.html"

from django.apps import AppConfig


class CoproductionConfig(AppConfig):
    """The project package itself: the page frame, home page and health check."""

    name = "coproduction"
    verbose_name = "SEND co-production portal"

    def ready(self):
        from coproduction import govuk_components

        govuk_components.install()

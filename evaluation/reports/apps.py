from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "evaluation.reports"
    label = "reports"
    verbose_name = "Reports"

    def ready(self):
        from evaluation.reports import frame

        frame.register()

from django.apps import AppConfig


class FeedbackConfig(AppConfig):
    name = "evaluation.feedback"
    label = "feedback"
    verbose_name = "You said, we did"

    def ready(self):
        from evaluation.feedback import frame

        frame.register()

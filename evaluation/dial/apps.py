from django.apps import AppConfig


class DialConfig(AppConfig):
    name = "evaluation.dial"
    label = "dial"
    verbose_name = "Engagement dial and self-evaluation"

    def ready(self):
        from evaluation.dial import frame

        frame.register()

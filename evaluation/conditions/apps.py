from django.apps import AppConfig


class ConditionsConfig(AppConfig):
    name = "evaluation.conditions"
    label = "conditions"
    verbose_name = "Conditions of success, action plan and yearly self-evaluation"

    def ready(self):
        from evaluation.conditions import frame

        frame.register()

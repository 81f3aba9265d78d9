from django.apps import AppConfig


class TrainingConfig(AppConfig):
    name = "coproduction.training"
    label = "training"
    verbose_name = "Training register"

    def ready(self):
        from coproduction.training import frame

        frame.register()

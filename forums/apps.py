from django.apps import AppConfig


class ForumsConfig(AppConfig):
    name = "forums"
    verbose_name = "Forums and governance"

    def ready(self):
        from forums import frame

        frame.register()

from django.apps import AppConfig


class MeetingsConfig(AppConfig):
    name = "forums.meetings"
    label = "meetings"
    verbose_name = "Meetings and papers"

    def ready(self):
        from forums.meetings import frame

        frame.register()

from django.apps import AppConfig


class MeetingsConfig(AppConfig):
    name = "forums.meetings"
    label = "meetings"
    verbose_name = "Meetings and papers"

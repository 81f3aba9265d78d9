from django.apps import AppConfig


class PeopleConfig(AppConfig):
    name = "coproduction.people"
    label = "people"
    verbose_name = "People and local areas"

    def ready(self):
        from coproduction.people import access, frame

        frame.register()
        access.connect_two_factor_signals()

from django.apps import AppConfig


class PeopleConfig(AppConfig):
    name = "coproduction.people"
    label = "people"
    verbose_name = "People and local areas"

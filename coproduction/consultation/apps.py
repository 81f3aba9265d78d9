from django.apps import AppConfig


class ConsultationConfig(AppConfig):
    name = "coproduction.consultation"
    label = "consultation"
    verbose_name = "Consultation requests and load"

from django.apps import AppConfig


class ExpensesConfig(AppConfig):
    name = "forums.expenses"
    label = "expenses"
    verbose_name = "Expenses and rewards"

    def ready(self):
        from forums.expenses import frame

        frame.register()

"""Create the monthly Celery beat entry that publishes each group's equality figures."""

from django.db import migrations

TASK_NAME = "Equality figures of participation groups"


def create_schedule(apps, schema_editor):
    CrontabSchedule = apps.get_model("django_celery_beat", "CrontabSchedule")
    PeriodicTask = apps.get_model("django_celery_beat", "PeriodicTask")
    crontab, _ = CrontabSchedule.objects.get_or_create(
        minute="0",
        hour="6",
        day_of_week="*",
        day_of_month="1",
        month_of_year="*",
        timezone="Europe/London",
    )
    PeriodicTask.objects.get_or_create(
        name=TASK_NAME,
        defaults={
            "task": "forums.take_equality_snapshots",
            "crontab": crontab,
            "description": "On the first of each month: work out each participation group's "
            "equality figures (rounded to 5, counts under 10 hidden). Pages show only these.",
        },
    )


def remove_schedule(apps, schema_editor):
    PeriodicTask = apps.get_model("django_celery_beat", "PeriodicTask")
    PeriodicTask.objects.filter(name=TASK_NAME).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("forums", "0004_equality_snapshot"),
        ("django_celery_beat", "0019_alter_periodictasks_options"),
    ]

    operations = [migrations.RunPython(create_schedule, remove_schedule)]

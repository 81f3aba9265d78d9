"""ConsultationRequest moves to the shared app coproduction.consultation.

State only: the table `forums_consultationrequest` and its rows stay where they are, and
consultation's first migration takes the model over with `db_table` set to that table.
"""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ("forums", "0002_agreement_review_reminders_schedule"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="ConsultationRequest")],
            database_operations=[],
        ),
    ]

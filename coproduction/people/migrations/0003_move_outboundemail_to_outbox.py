"""OutboundEmail moves to the outbox app. The table stays (people_outboundemail) with every
row; only Django's idea of which app owns the model changes (state only)."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("people", "0002_area_coproduction_settings")]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="OutboundEmail")],
            database_operations=[],
        )
    ]

"""Take over the people app's OutboundEmail table as it is (state only: no row is touched)."""

import django.utils.timezone
from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    dependencies = [("people", "0003_move_outboundemail_to_outbox")]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.CreateModel(
                    name="OutboundEmail",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        ("to", models.EmailField(max_length=254)),
                        ("subject", models.CharField(max_length=300)),
                        ("body_text", models.TextField()),
                        ("body_html", models.TextField(blank=True)),
                        (
                            "purpose",
                            models.CharField(
                                help_text="What the email is for, e.g. invitation.", max_length=60
                            ),
                        ),
                        (
                            "status",
                            models.CharField(
                                choices=[("queued", "Queued"), ("sent", "Sent"), ("failed", "Failed")],
                                default="queued",
                                max_length=10,
                            ),
                        ),
                        ("attempts", models.PositiveSmallIntegerField(default=0)),
                        ("last_error", models.TextField(blank=True)),
                        ("created_at", models.DateTimeField(default=django.utils.timezone.now)),
                        ("sent_at", models.DateTimeField(blank=True, null=True)),
                    ],
                    options={
                        "verbose_name": "outbound email",
                        "ordering": ["-created_at"],
                        "db_table": "people_outboundemail",
                        "indexes": [
                            models.Index(
                                fields=["status", "created_at"], name="people_outb_status_2357dc_idx"
                            )
                        ],
                    },
                )
            ],
        )
    ]

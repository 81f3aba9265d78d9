from decimal import Decimal

import django.core.validators
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("initiatives", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="opportunity",
            name="hours_asked",
            field=models.DecimalField(
                decimal_places=1,
                default=Decimal("1"),
                help_text="Counted in the person's consultation load when their interest is accepted.",
                max_digits=5,
                validators=[
                    django.core.validators.MinValueValidator(0),
                    django.core.validators.MaxValueValidator(999),
                ],
                verbose_name="time asked (hours in all)",
            ),
            preserve_default=False,
        ),
    ]

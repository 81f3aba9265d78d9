"""The model ConsultationRequest, taken over from forums (forums 0003 drops it from forums'
state). State only: the table `forums_consultationrequest` exists already with its rows, its
indexes and its constraints, under the same names. The content type is renamed so that admin
history and permissions follow the model."""

import django.core.validators
import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


def rename_content_type(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    if not ContentType.objects.filter(app_label="consultation", model="consultationrequest"):
        ContentType.objects.filter(app_label="forums", model="consultationrequest").update(
            app_label="consultation"
        )


CREATE_MODEL = migrations.CreateModel(
            name='ConsultationRequest',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('kind', models.CharField(choices=[('survey', 'Survey'), ('meeting_invitation', 'Meeting invitation'), ('interview_panel', 'Interview panel'), ('work_stream_seat', 'Seat on a work stream or board'), ('opportunity', 'Opportunity to get involved')], max_length=30)),
                ('title', models.CharField(max_length=200)),
                ('asked_on', models.DateField(verbose_name='date asked')),
                ('hours_asked', models.DecimalField(decimal_places=1, max_digits=5, validators=[django.core.validators.MinValueValidator(0), django.core.validators.MaxValueValidator(999)], verbose_name='time asked (hours)')),
                ('created_at', models.DateTimeField(default=django.utils.timezone.now)),
                ('area', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='consultation_requests', to='people.localarea')),
                ('group', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='consultation_requests', to='forums.participationgroup')),
                ('made_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='consultation_requests_made', to=settings.AUTH_USER_MODEL)),
                ('person', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='consultation_requests', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'db_table': 'forums_consultationrequest',
                'ordering': ['-asked_on', '-created_at'],
                'indexes': [models.Index(fields=['group', 'asked_on'], name='forums_cons_group_i_5d1657_idx'), models.Index(fields=['person', 'asked_on'], name='forums_cons_person__36f700_idx'), models.Index(fields=['area', 'asked_on'], name='forums_cons_area_id_999414_idx')],
                'constraints': [models.CheckConstraint(condition=models.Q(('group__isnull', False), ('person__isnull', False), _connector='OR'), name='consultation_request_is_of_someone'), models.CheckConstraint(condition=models.Q(('hours_asked__gte', 0)), name='hours_asked_positive')],
            },
)


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('contenttypes', '0002_remove_content_type_name'),
        ('forums', '0003_delete_consultationrequest'),
        ('people', '0002_area_coproduction_settings'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[CREATE_MODEL],
            database_operations=[
                migrations.RunPython(rename_content_type, migrations.RunPython.noop),
            ],
        ),
    ]

from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    dependencies = []

    operations = [
        migrations.CreateModel(
            name="WorkerHeartbeat",
            fields=[
                (
                    "worker_id",
                    models.CharField(max_length=64, primary_key=True, serialize=False),
                ),
                ("beat_at", models.DateTimeField()),
            ],
        ),
    ]

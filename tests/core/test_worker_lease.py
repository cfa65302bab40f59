"""A running task whose worker stopped beating goes back to the queue; a live worker's does not."""

import datetime

import pytest
from django.tasks import TaskResultStatus
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from core.models import WorkerHeartbeat
from core.worker import beat, requeue_abandoned

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def short_lease(settings):
    settings.TASKS_LEASE_SECONDS = 60


def running(worker_id, started_seconds_ago):
    return DBTaskResult.objects.create(
        status=TaskResultStatus.RUNNING,
        started_at=timezone.now() - datetime.timedelta(seconds=started_seconds_ago),
        args_kwargs={"args": [], "kwargs": {}},
        task_path="planner.tasks.send_booking_notice",
        worker_ids=[worker_id],
        backend_name="default",
        run_after=timezone.now() - datetime.timedelta(hours=1),
        exception_class_path="",
        traceback="",
    )


def status_of(task):
    task.refresh_from_db()
    return task.status


def test_a_task_of_a_worker_that_stopped_beating_is_queued_again():
    beat("dead", now=timezone.now() - datetime.timedelta(seconds=300))
    task = running("dead", started_seconds_ago=300)
    assert requeue_abandoned() == [str(task.pk)]
    assert status_of(task) == TaskResultStatus.READY


def test_a_task_of_a_worker_that_never_beat_is_queued_again_once_the_lease_is_over():
    old = running("unknown", started_seconds_ago=300)
    recent = running("unknown", started_seconds_ago=10)
    assert requeue_abandoned() == [str(old.pk)]
    assert status_of(recent) == TaskResultStatus.RUNNING


def test_a_live_worker_keeps_a_long_task():
    beat("alive")
    task = running("alive", started_seconds_ago=3600)
    assert requeue_abandoned() == []
    assert status_of(task) == TaskResultStatus.RUNNING


def test_a_task_handed_to_a_second_worker_belongs_to_the_last_one():
    beat("first")
    beat("second", now=timezone.now() - datetime.timedelta(seconds=300))
    task = running("first", started_seconds_ago=300)
    task.worker_ids = ["first", "second"]
    task.save(update_fields=["worker_ids"])
    assert requeue_abandoned() == [str(task.pk)]


def test_finished_tasks_are_left_alone():
    task = running("dead", started_seconds_ago=300)
    DBTaskResult.objects.filter(pk=task.pk).update(status=TaskResultStatus.SUCCESSFUL)
    assert requeue_abandoned() == []
    assert status_of(task) == TaskResultStatus.SUCCESSFUL


def test_heartbeats_of_workers_long_gone_are_removed():
    beat("gone", now=timezone.now() - datetime.timedelta(days=1))
    beat("alive")
    requeue_abandoned()
    assert list(WorkerHeartbeat.objects.values_list("worker_id", flat=True)) == ["alive"]

"""Which task run the current code is part of, so its side effects can be made once-only.

A task may run more than once (``core.worker`` hands back the tasks of workers that died), and
its id stays the same each time; code that must not repeat an effect (``integrations.mail``)
keys it by ``current_task_id()``. Set from Django's task signals, which every backend sends
around each run, in the thread that runs the task.
"""

from __future__ import annotations

from contextvars import ContextVar

from django.tasks import TaskResult

_running: ContextVar[tuple[str, ...]] = ContextVar("running_tasks", default=())


def current_task_id() -> str | None:
    """The id of the innermost task running in this thread, or None outside a task."""
    running = _running.get()
    return running[-1] if running else None


def task_started(sender: object, task_result: TaskResult, **kwargs: object) -> None:
    _running.set((*_running.get(), str(task_result.id)))


def task_finished(sender: object, task_result: TaskResult, **kwargs: object) -> None:
    _running.set(tuple(run for run in _running.get() if run != str(task_result.id)))

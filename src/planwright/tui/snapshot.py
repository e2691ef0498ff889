"""A picture of the plan taken a slice at a time, between the keys.

The validators (in a child process) and the recovery file (in a thread) each
need the plan as it was at one moment, while the editor goes on changing it.
Copying a 5,000-task plan takes 25 ms and pickling it for the child another
50 ms, in one go on the editor's thread (a thread's pickling holds the GIL
just the same): a key pressed meanwhile waited for both. Pickled pieces are
a copy too, so the editor pickles the plan in pieces of at most ``CHUNK``
tasks, one piece per turn of its event loop, and keys are handled between
them. When the plan changes before the last piece, the pieces are thrown away
(the editor starts again at its next pause). The child process gets the
pieces as bytes and unpickles them itself; a thread unpickles them a piece at
a time, letting the editor's thread run between pieces.
"""

from __future__ import annotations

import pickle
from dataclasses import dataclass, field, replace
from typing import Iterator

from planwright.plan.model import Plan

CHUNK = 100  # tasks per piece: a few milliseconds to pickle
_PROTOCOL = pickle.HIGHEST_PROTOCOL


@dataclass(frozen=True)
class Pickled:
    """The plan as pickled pieces: the rest of the plan, then each point with its tasks in chunks."""

    # not in the repr: Textual describes a worker by the repr of its arguments, and the repr
    # of a big plan's bytes took 60 ms of the editor's thread each time the recovery file was written
    head: bytes = field(repr=False)  # meta, units, body, attachments
    points: tuple[tuple[bytes, tuple[bytes, ...]], ...] = field(repr=False)  # (the point without its tasks, its tasks' chunks)

    def plan(self) -> Plan:
        """A new Plan equal to the one pickled (in whatever process or thread calls it)."""
        meta, units, body, attachments = pickle.loads(self.head)
        points = []
        for shell, chunks in self.points:
            point = pickle.loads(shell)
            for chunk in chunks:
                point.tasks.extend(pickle.loads(chunk))
            points.append(point)
        return Plan(meta, units, points, body, attachments)


def as_plan(plan: Plan | Pickled) -> Plan:
    """A plan to check or write: ``plan`` itself, or the one the pieces hold."""
    return plan.plan() if isinstance(plan, Pickled) else plan


def pieces(plan: Plan) -> Iterator[Pickled | None]:
    """Pickle ``plan`` a piece per step: None after each piece, the Pickled at the end.

    The caller steps on only while the plan is unchanged (see the module's docstring).
    """
    head = pickle.dumps((plan.meta, plan.units, plan.body, plan.attachments), _PROTOCOL)
    points: list[tuple[bytes, tuple[bytes, ...]]] = []
    for point in plan.points:
        yield None
        shell = pickle.dumps(replace(point, tasks=[]), _PROTOCOL)
        chunks: list[bytes] = []
        for start in range(0, len(point.tasks), CHUNK):
            if start:
                yield None
            chunks.append(pickle.dumps(point.tasks[start:start + CHUNK], _PROTOCOL))
        points.append((shell, tuple(chunks)))
    yield Pickled(head, tuple(points))

"""⑦ One delivery pass: send what is due, then settle ambiguous sends with the provider."""

from __future__ import annotations

from nudge.clock import Clock, SystemClock
from nudge.outbox.delivery import DeliveryWorker, Every
from nudge.outbox.reconcile import Reconciler


class DeliveryPass:
    """What the delivery loop runs every poll."""

    def __init__(
        self,
        delivery: DeliveryWorker,
        reconciler: Reconciler | None = None,
        *,
        clock: Clock | None = None,
        reconcile_seconds: float = 0.0,
    ) -> None:
        self._delivery, self._reconciler = delivery, reconciler
        self._reconcile = Every(clock or SystemClock(), reconcile_seconds)
        self._stopping = False

    def request_stop(self) -> None:
        """Finish the send in flight and skip reconciliation: the process is stopping."""
        self._stopping = True
        self._delivery.request_stop()

    async def run_once(self) -> int:
        """Send a batch, then reconcile unless stopping; how many rows moved.

        Reconciliation runs at most every ``reconcile_seconds``: the passes a new reply wakes
        in between only send.
        """
        count = await self._delivery.run_once()
        if self._reconciler is not None and not self._stopping and self._reconcile.due():
            count += await self._reconciler.run_once()
        return count

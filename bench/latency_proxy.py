"""A TCP proxy that puts a server "far away" and counts the round trips through it.

Every chunk is delivered ``one_way_ms`` after it arrived, in each direction (order kept, data
not held back by the chunks before it), so a server behind the proxy answers ``2 × one_way_ms``
later than it would. A round trip is counted each time the client sends after it has received
something (or first): requests the client pipelines without waiting count once, as they cost
one wait.

    with LatencyProxy("127.0.0.1", 5432, one_way_ms=2.5) as proxy:
        url = f"postgresql+psycopg://…@127.0.0.1:{proxy.port}/db"
        proxy.reset(); …; print(proxy.round_trips)
"""

from __future__ import annotations

import asyncio
import threading
import time


class LatencyProxy:
    def __init__(self, host: str, port: int, one_way_ms: float = 2.5):
        self.target = (host, port)
        self.delay = one_way_ms / 1000
        self.round_trips = 0
        self.port = 0
        self._lock = threading.Lock()
        self._loop = asyncio.new_event_loop()
        self._ready = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._writers: set = set()

    def __enter__(self) -> "LatencyProxy":
        self._thread.start()
        self._ready.wait()
        return self

    def __exit__(self, *_exc) -> None:
        self._loop.call_soon_threadsafe(self._shutdown)
        self._thread.join(timeout=5)

    def _shutdown(self) -> None:
        """Close every connection (the server then ends its sessions at once), then stop."""
        for writer in list(self._writers):
            writer.close()
        for task in asyncio.all_tasks(self._loop):
            task.cancel()
        self._loop.call_later(0.1, self._loop.stop)

    def reset(self) -> None:
        with self._lock:
            self.round_trips = 0

    def _count(self) -> None:
        with self._lock:
            self.round_trips += 1

    def _run(self) -> None:
        asyncio.set_event_loop(self._loop)
        server = self._loop.run_until_complete(asyncio.start_server(self._client, "127.0.0.1", 0))
        self.port = server.sockets[0].getsockname()[1]
        self._ready.set()
        self._loop.run_forever()

    async def _client(self, client_reader, client_writer) -> None:
        try:
            server_reader, server_writer = await asyncio.open_connection(*self.target)
        except OSError:
            client_writer.close()
            return
        self._writers.update((client_writer, server_writer))
        state = {"answered": True}  # the client's first message waits for an answer: one round trip
        try:
            await asyncio.gather(self._pump(client_reader, server_writer, state, upstream=True),
                                 self._pump(server_reader, client_writer, state, upstream=False),
                                 return_exceptions=True)
        except asyncio.CancelledError:  # the proxy is closing
            pass

    async def _pump(self, reader, writer, state, upstream: bool) -> None:
        queue: asyncio.Queue = asyncio.Queue()

        async def deliver() -> None:
            while True:
                due, data = await queue.get()
                if data is None:
                    writer.close()
                    self._writers.discard(writer)
                    return
                wait = due - time.perf_counter()
                if wait > 0:
                    await asyncio.sleep(wait)
                writer.write(data)
                await writer.drain()

        sender = asyncio.ensure_future(deliver())
        try:
            while True:
                data = await reader.read(65536)
                if not data:
                    break
                if upstream:
                    if state["answered"]:
                        self._count()
                    state["answered"] = False
                else:
                    state["answered"] = True
                queue.put_nowait((time.perf_counter() + self.delay, data))
        except (asyncio.CancelledError, ConnectionError):
            sender.cancel()
            return
        queue.put_nowait((0, None))
        try:
            await sender
        except (asyncio.CancelledError, ConnectionError):
            pass

"""Driver lifecycle and error translation.

One :class:`Graph` per process wraps one ``neo4j.Driver``. Reads are routed as reads
(``routing=READ`` / read access mode) so a cluster or Aura can serve them from secondaries: the
API's hot path through :meth:`Graph.read_plain` (one auto-commit round trip, rows as decoded, a
managed retrying transaction when that fails in a retryable way), the rest through managed read
transactions; writes through managed write transactions that the driver retries on transient
errors. Every driver error leaves this module as a :mod:`schema.errors` type.
"""

from __future__ import annotations

import asyncio
import logging
import random
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from typing import Any, Concatenate, LiteralString, ParamSpec, TypeVar

import neo4j
from neo4j import AsyncGraphDatabase, GraphDatabase, ManagedTransaction, RoutingControl
from neo4j.exceptions import (
    AuthError,
    ClientError,
    ConstraintError,
    DriverError,
    Neo4jError,
    ServiceUnavailable,
    SessionExpired,
)

from config import Settings
from schema.errors import (
    Conflict,
    GraphUnavailable,
    InvalidInput,
    QueryTimeout,
    RegkgError,
)

from .timing import clock

P = ParamSpec("P")
log = logging.getLogger("regkg.graph")
CONSTRAINT_RETRIES = 5
R = TypeVar("R")


def _plain_rows(result: neo4j.Result) -> list[dict[str, Any]]:
    keys = result.keys()
    return [dict(zip(keys, record, strict=True)) for record in result]


async def _aplain_rows(result: neo4j.AsyncResult) -> list[dict[str, Any]]:
    keys = result.keys()
    return [dict(zip(keys, record, strict=True)) async for record in result]


class Graph:
    """A connected database: the only object the rest of regkg uses to reach Neo4j."""

    def __init__(
        self, driver: neo4j.Driver, database: str, uri: str, async_driver: Callable[[], neo4j.AsyncDriver] | None = None
    ) -> None:
        self.driver = driver
        self.database = database
        self.uri = uri
        self._make_async = async_driver
        # An async driver belongs to the event loop it was first used on: one per loop (uvicorn
        # runs one per worker process; a test client runs one per client).
        self._async: dict[asyncio.AbstractEventLoop, neo4j.AsyncDriver] = {}

    @classmethod
    def connect(cls, settings: Settings) -> Graph:
        """Create the driver (no connection is opened until the first query)."""
        options: dict[str, Any] = {
            "auth": settings.neo4j_auth,
            "connection_timeout": settings.neo4j_connection_timeout,
            "connection_acquisition_timeout": settings.neo4j_connection_timeout * 2,
            "max_connection_pool_size": settings.neo4j_pool_size,
            "liveness_check_timeout": 30.0,
            "max_transaction_retry_time": settings.neo4j_retry_time,
            "notifications_min_severity": "OFF",  # "unknown property" hints on an empty graph are noise
        }
        driver = GraphDatabase.driver(settings.neo4j_uri, **options)
        return cls(
            driver,
            settings.neo4j_database,
            settings.neo4j_uri,
            async_driver=lambda: AsyncGraphDatabase.driver(settings.neo4j_uri, **options),
        )

    def close(self) -> None:
        self.driver.close()
        self._async.clear()  # their loops are gone or close them (aclose) themselves

    def async_driver(self) -> neo4j.AsyncDriver:
        """The async driver of the running event loop (made on first use)."""
        loop = asyncio.get_running_loop()
        driver = self._async.get(loop)
        if driver is None:
            if self._make_async is None:
                raise GraphUnavailable("this Graph was made without an async driver", {"uri": self.uri})
            for old in [lp for lp in self._async if lp.is_closed()]:
                del self._async[old]  # a finished test client's loop
            driver = self._async[loop] = self._make_async()
        return driver

    async def aclose(self) -> None:
        """Close the running loop's async driver (the API's lifespan ends with this)."""
        driver = self._async.pop(asyncio.get_running_loop(), None)
        if driver is not None:
            await driver.close()

    def __enter__(self) -> Graph:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- plumbing -------------------------------------------------------------------------

    @contextmanager
    def translated(self) -> Iterator[None]:
        """Re-raise driver errors as regkg errors that name the database URI."""
        try:
            yield
        except RegkgError:
            raise
        except OverflowError as exc:  # the driver cannot pack an integer outside 64 bits
            raise InvalidInput("a number in the query parameters does not fit in 64 bits", {"error": str(exc)}) from exc
        except ConstraintError as exc:
            raise Conflict(exc.message or str(exc), {"neo4j_code": exc.code}) from exc
        except AuthError as exc:
            raise GraphUnavailable(f"Neo4j at {self.uri} refused the credentials", {"uri": self.uri}) from exc
        except (ServiceUnavailable, SessionExpired, OSError) as exc:
            raise GraphUnavailable(f"Neo4j at {self.uri} is unreachable: {exc}", {"uri": self.uri}) from exc
        except ClientError as exc:
            code = exc.code or ""
            if "TransactionTimedOut" in code or "Terminated" in code:
                raise QueryTimeout("the query ran past its time limit", {"neo4j_code": code}) from exc
            # the first line only: the rest of a driver's message echoes the whole query
            first = (exc.message or str(exc)).split("\n", 1)[0]
            if code.startswith("Neo.ClientError.Statement"):
                raise InvalidInput(first, {"neo4j_code": code}) from exc
            raise RegkgError(first, {"neo4j_code": code}) from exc
        except Neo4jError as exc:
            code = exc.code or ""
            if "TransactionTimedOut" in code or "Terminated" in code:
                raise QueryTimeout("the query ran past its time limit", {"neo4j_code": code}) from exc
            raise GraphUnavailable(f"Neo4j at {self.uri} failed: {exc}", {"uri": self.uri}) from exc
        except DriverError as exc:
            raise GraphUnavailable(f"Neo4j at {self.uri} failed: {exc}", {"uri": self.uri}) from exc

    def read_tx(
        self,
        work: Callable[Concatenate[ManagedTransaction, P], R],
        *args: P.args,
        **kwargs: P.kwargs,
    ) -> R:
        """Run ``work(tx, ...)`` in a managed read transaction."""
        with (
            self.translated(),
            self.driver.session(database=self.database, default_access_mode=neo4j.READ_ACCESS) as session,
        ):
            return session.execute_read(work, *args, **kwargs)

    def write_tx(
        self,
        work: Callable[Concatenate[ManagedTransaction, P], R],
        *args: P.args,
        **kwargs: P.kwargs,
    ) -> R:
        """Run ``work(tx, ...)`` in a managed write transaction (all or nothing).

        The driver retries transient errors; a unique-constraint error it does not retry — yet
        that is what two loaders creating the same new entity at once meet (each saw it absent).
        Such a transaction is run again (it then finds the entity and updates it), up to
        :data:`CONSTRAINT_RETRIES` times with a growing, jittered pause; then it is a Conflict.
        """
        for attempt in range(CONSTRAINT_RETRIES + 1):
            try:
                with self.driver.session(database=self.database) as session:
                    return session.execute_write(work, *args, **kwargs)
            except ConstraintError as exc:
                if attempt == CONSTRAINT_RETRIES:
                    with self.translated():
                        raise
                log.info(
                    "write met a unique constraint (a concurrent writer?); retrying",
                    extra={"fields": {"attempt": attempt + 1, "neo4j_code": exc.code}},
                )
                time.sleep(random.uniform(0.05, 0.2) * (attempt + 1))
            except Exception:
                with self.translated():
                    raise
        raise AssertionError("unreachable")

    def read(
        self, query: LiteralString, params: Mapping[str, Any] | None = None, timeout: float | None = None
    ) -> list[dict[str, Any]]:
        """A read query's records as dicts (``timeout`` in seconds ends it server-side)."""
        with clock(), self.translated():
            records, _, _ = self.driver.execute_query(
                neo4j.Query(query, timeout=timeout) if timeout else query,
                parameters_=dict(params or {}),
                database_=self.database,
                routing_=RoutingControl.READ,
            )
        return [r.data() for r in records]

    def read_plain(
        self, query: LiteralString, params: Mapping[str, Any] | None = None, timeout: float | None = None
    ) -> list[dict[str, Any]]:
        """A read whose columns are projections (maps, lists, scalars; no nodes, relationships or
        paths), for the API's hot path.

        Two things make it cheaper than :meth:`read` for the same answer: the rows are the values
        as decoded, without ``Record.data()``'s per-value walk (which costs more than the decoding
        itself for a few hundred nested maps), and it runs as one auto-commit read (RUN + PULL in
        one round trip, no BEGIN/COMMIT), chained to the driver's bookmarks like ``execute_query``.
        A retryable failure (dropped connection, leader switch) runs it again as a managed read
        transaction, with the driver's retries.
        """
        statement = neo4j.Query(query, timeout=timeout) if timeout else query
        parameters = dict(params or {})
        with clock(), self.translated():
            try:
                with self.driver.session(
                    database=self.database,
                    default_access_mode=neo4j.READ_ACCESS,
                    bookmark_manager=self.driver.execute_query_bookmark_manager,
                ) as session:
                    return _plain_rows(session.run(statement, parameters))
            except (Neo4jError, DriverError) as exc:
                if not exc.is_retryable():
                    raise
            return self.driver.execute_query(
                statement,
                parameters_=parameters,
                database_=self.database,
                routing_=RoutingControl.READ,
                result_transformer_=_plain_rows,
            )

    async def aread_plain(
        self, query: LiteralString, params: Mapping[str, Any] | None = None, timeout: float | None = None
    ) -> list[dict[str, Any]]:
        """:meth:`read_plain` on the event loop with the async driver: no thread-pool hop per
        request. Same auto-commit round trip, same retry as a managed read on a retryable failure."""
        statement = neo4j.Query(query, timeout=timeout) if timeout else query
        parameters = dict(params or {})
        driver = self.async_driver()
        with clock(), self.translated():
            try:
                async with driver.session(
                    database=self.database,
                    default_access_mode=neo4j.READ_ACCESS,
                    bookmark_manager=driver.execute_query_bookmark_manager,
                ) as session:
                    return await _aplain_rows(await session.run(statement, parameters))
            except (Neo4jError, DriverError) as exc:
                if not exc.is_retryable():
                    raise
            return await driver.execute_query(
                statement,
                parameters_=parameters,
                database_=self.database,
                routing_=RoutingControl.READ,
                result_transformer_=_aplain_rows,
            )

    def write(self, query: LiteralString, params: Mapping[str, Any] | None = None) -> list[dict[str, Any]]:
        """A single-statement write in its own transaction."""
        with self.translated():
            records, _, _ = self.driver.execute_query(
                query,
                parameters_=dict(params or {}),
                database_=self.database,
                routing_=RoutingControl.WRITE,
            )
        return [r.data() for r in records]

    def run_autocommit(self, query: LiteralString, params: Mapping[str, Any] | None = None) -> None:
        """Schema commands and ``CALL {} IN TRANSACTIONS`` need an auto-commit transaction."""
        with self.translated(), self.driver.session(database=self.database) as session:
            session.run(query, dict(params or {})).consume()

    # -- facts about the server -----------------------------------------------------------

    def verify(self) -> None:
        """Raise :class:`GraphUnavailable` unless the server answers."""
        with self.translated():
            self.driver.verify_connectivity()

    def server_version(self) -> str:
        """The server's version, asked once (no retries: readiness must answer fast)."""
        with self.translated():
            agent = self.driver.get_server_info().agent  # "Neo4j/5.26.30"
        return agent.split("/", 1)[-1]

    def read_once(self, query: LiteralString, params: Mapping[str, Any] | None = None) -> list[dict[str, Any]]:
        """An auto-commit read without the driver's retries (health checks)."""
        with (
            self.translated(),
            self.driver.session(database=self.database, default_access_mode=neo4j.READ_ACCESS) as session,
        ):
            return [r.data() for r in session.run(query, dict(params or {}))]

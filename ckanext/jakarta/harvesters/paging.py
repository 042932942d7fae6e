"""Walking a paged source without looping or running away."""

from __future__ import annotations

from collections.abc import Iterator

from ckanext.jakarta import config
from ckanext.jakarta.harvesters.http import FetchError
from ckanext.jakarta.logic.validators import bilingual


class Pages:
    """The page URLs of one source; the caller names each next page.

    A page that leads back to one already read, or more pages than
    ``ckanext.jakarta.harvest.max_pages``, stops the job with an error, so a
    broken source never looks like a shorter catalog.
    """

    def __init__(self, first: str) -> None:
        self._next: str | None = first
        self._seen: set[str] = set()

    def follow(self, url: str | None) -> None:
        """Name the page to read after the current one (None: it was the last)."""
        self._next = url

    def __iter__(self) -> Iterator[str]:
        limit = config.harvest_max_pages()
        while self._next:
            url, self._next = self._next, None
            if url in self._seen:
                raise FetchError(
                    bilingual(
                        f"Halaman berulang, pemaginasian sumber berputar: {url!r}",
                        f"page loop: the source leads back to {url!r}",
                    )
                )
            if len(self._seen) >= limit:
                raise FetchError(
                    bilingual(
                        f"Lebih dari {limit} halaman; panen dihentikan",
                        f"more than {limit} pages; the job stopped",
                    )
                )
            self._seen.add(url)
            yield url

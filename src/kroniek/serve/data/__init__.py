"""Read-only queries behind the API and the pages, on the store's tables directly."""

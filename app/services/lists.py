"""List vocabulary the GUI needs without importing the db layer."""

from app.db.address_queries import SEARCH_CAP, OrganisationSort, PersonSort, Sort

__all__ = ["SEARCH_CAP", "OrganisationSort", "PersonSort", "Sort"]

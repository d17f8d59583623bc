"""Localization: Decree 719 rulebooks, scoring of a product, and plans into the registry.

The pure core (``model``, ``loader``, ``product``, ``scoring``, ``problem``, ``planner``)
takes and returns frozen dataclasses; ``service``, ``api`` and ``cli`` are the adapters.
"""

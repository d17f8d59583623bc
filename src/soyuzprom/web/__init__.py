"""The web application: API mounting, error mapping, Russian pages."""

"""Regards' domain: signals, personas, the reading model and readings. Never imports Streamlit."""

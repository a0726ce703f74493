"""Morning briefings and evening check-ins: templated texts, no LLM at fire time."""

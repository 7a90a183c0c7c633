"""Journal, tasks, service cases, knowledge base and timeline views."""

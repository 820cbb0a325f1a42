"""The application shell: app start-up, main window, actions, tasks, languages."""

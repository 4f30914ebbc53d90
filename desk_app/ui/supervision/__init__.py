"""The koordinator's "Pantauan" page: its tables, the chart of the day by hour, a
complaint's public history, and the flow that fetches it off the GUI thread."""

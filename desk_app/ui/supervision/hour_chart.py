"""The day by hour as a bar chart (QtCharts, from PySide6-Addons); the numbers
themselves stand in the table beside it (a chart alone is not read by everyone)."""

from __future__ import annotations

from PySide6.QtCharts import QBarCategoryAxis, QBarSeries, QBarSet, QChart, QChartView, QValueAxis
from PySide6.QtCore import QMargins, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QWidget


class HourChart(QChartView):
    """Complaints recorded per hour, over the hours a desk is usually open."""

    def __init__(self, parent: QWidget | None = None) -> None:
        self._chart = QChart()
        super().__init__(self._chart, parent)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self._chart.legend().hide()
        self._chart.setMargins(QMargins(4, 4, 4, 4))
        self._chart.setBackgroundRoundness(0)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the table beside it has the numbers
        self.setMinimumHeight(self.fontMetrics().height() * 11)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("0") * 52)

    def set_hours(self, counts: tuple[int, ...], first: int = 7, last: int = 17) -> None:
        """``counts``: 24 numbers; shown from ``first`` to ``last`` and any busy hour."""
        hours = [h for h in range(24) if counts[h] or first <= h <= last]
        chart = self._chart
        chart.removeAllSeries()
        for axis in chart.axes():
            chart.removeAxis(axis)
        bars = QBarSet(self.tr("Aduan"))
        bars.append([float(counts[h]) for h in hours])
        series = QBarSeries()
        series.append(bars)
        series.setLabelsVisible(True)
        chart.addSeries(series)
        font = self.font()
        x = QBarCategoryAxis()
        x.append([f"{h:02d}" for h in hours])
        x.setLabelsFont(font)
        x.setTitleText(self.tr("Jam (WIB)"))
        x.setTitleFont(font)
        y = QValueAxis()
        top = max([counts[h] for h in hours] + [1])
        y.setRange(0, top + 1)
        y.setTickCount(min(top + 2, 6))
        y.setLabelFormat("%d")
        y.setLabelsFont(font)
        chart.addAxis(x, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(y, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(x)
        series.attachAxis(y)
        self.setAccessibleName(self.tr("Grafik aduan per jam"))

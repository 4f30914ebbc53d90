"""The chime and the Indonesian voice of the public screens.

The voice is QtTextToSpeech's, used only when the machine has an Indonesian voice
(a wrong-language voice reading "A 0 1 2" helps nobody); the words are always on the
screen too. Every call is said twice. The chime is a short two-tone sound made once
into a WAV file in the temp folder."""

from __future__ import annotations

import math
import struct
import sys
import tempfile
import wave
from pathlib import Path

from PySide6.QtCore import QObject, QUrl

CHIME_RATE = 22050


def _chime_file() -> Path:
    path = Path(tempfile.gettempdir()) / "meja-aduan-chime.wav"
    if path.exists():
        return path
    frames = bytearray()
    for freq, seconds in ((660.0, 0.35), (880.0, 0.5)):
        n = int(CHIME_RATE * seconds)
        for i in range(n):
            fade = 1.0 - i / n
            value = 0.4 * fade * math.sin(2 * math.pi * freq * i / CHIME_RATE)
            frames += struct.pack("<h", int(value * 32767))
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(CHIME_RATE)
        out.writeframes(bytes(frames))
    return path


class Announcer(QObject):
    """Chime, then the words twice in Indonesian where a voice exists."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._speech: object | None = None
        self._effect: object | None = None
        self.has_voice = False
        self.spoken: list[str] = []  # what was said (tests; the log of a session)
        try:
            from PySide6.QtTextToSpeech import QTextToSpeech

            speech = QTextToSpeech(self)
            voices = [v for v in speech.availableVoices() if v.locale().name().startswith("id")]
            if voices and speech.state() != QTextToSpeech.State.Error:
                speech.setVoice(voices[0])
                self._speech, self.has_voice = speech, True
        except ImportError:
            pass
        try:
            from PySide6.QtMultimedia import QSoundEffect

            effect = QSoundEffect(self)
            effect.setSource(QUrl.fromLocalFile(str(_chime_file())))
            self._effect = effect
        except ImportError:
            pass

    def say(self, words: str) -> None:
        """Read once, without the chime (the kiosk)."""
        if self._speech is not None:
            self._speech.enqueue(words)  # type: ignore[attr-defined]
            self.spoken.append(words)

    def announce(self, words: str) -> None:
        if self._effect is not None:
            self._effect.play()  # type: ignore[attr-defined]
        elif sys.platform == "win32":
            # The frozen desk leaves QtMultimedia out (its media back-end brings ~35 MB
            # of FFmpeg for one chime); Windows plays a WAV file by itself.
            import winsound

            flags = winsound.SND_FILENAME | winsound.SND_ASYNC | winsound.SND_NODEFAULT
            winsound.PlaySound(str(_chime_file()), flags)
        if self._speech is not None:
            for _ in range(2):
                self._speech.enqueue(words)  # type: ignore[attr-defined]
                self.spoken.append(words)

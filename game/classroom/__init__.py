"""The classroom: class codes, checking students' transcripts, the class report and the
debrief of a finished game. Built on the engine and the store; no window."""

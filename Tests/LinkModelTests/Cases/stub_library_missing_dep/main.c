void stubbed(void);
void _start(void) { stubbed(); }

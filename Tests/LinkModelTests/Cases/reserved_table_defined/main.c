void missing(void);
void (*volatile sink)(void);
void _start(void) { sink = _start; }

void begin_missing(void);
void start_missing(void);
void begin(void) { begin_missing(); }
void _start(void) { start_missing(); }

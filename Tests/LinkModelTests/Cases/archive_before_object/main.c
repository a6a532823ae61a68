void afoo(void);
void late_missing(void);
void _start(void) { late_missing(); afoo(); }

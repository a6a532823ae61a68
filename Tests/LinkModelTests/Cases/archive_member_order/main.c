void q(void);
void main_missing(void);
void _start(void) { main_missing(); q(); }

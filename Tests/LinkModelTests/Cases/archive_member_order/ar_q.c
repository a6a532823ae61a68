void p(void);
void q_missing(void);
void q(void) { q_missing(); p(); }

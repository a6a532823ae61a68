void sfa(void);
void sfb(void);
void sfc(void);
extern int sfd;
int _start(void) { sfa(); sfb(); sfc(); return sfd; }

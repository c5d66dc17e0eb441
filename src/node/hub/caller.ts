// Who is calling the hub: the account behind the token (the mutation service and the checks it runs read it).
import type { Role } from '../../common/entities';

export interface Caller {
  username: string;
  role: Role;
}

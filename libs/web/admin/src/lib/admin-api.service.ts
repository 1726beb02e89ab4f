import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  AdminPaths,
  type CreateUserRequest,
  type CreatedUser,
  type TeamSummary,
  type UpdateUserRequest,
  type UserDetail,
  type UserList,
  type UserListQuery,
  apiUrl,
} from '@chartdesk/contracts';
import { firstValueFrom } from 'rxjs';

const withId = (path: string, id: string): string => apiUrl(path.replace(':id', encodeURIComponent(id)));

/** The admin API (user:manage, team:manage); the access token is added by the auth interceptor. */
@Injectable({ providedIn: 'root' })
export class AdminApiService {
  private readonly http = inject(HttpClient);

  listUsers(query: UserListQuery): Promise<UserList> {
    let params = new HttpParams();
    for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== '') params = params.set(k, String(v));
    return firstValueFrom(this.http.get<UserList>(apiUrl(AdminPaths.users), { params }));
  }

  getUser(id: string): Promise<UserDetail> {
    return firstValueFrom(this.http.get<UserDetail>(withId(AdminPaths.user, id)));
  }

  createUser(body: CreateUserRequest): Promise<CreatedUser> {
    return firstValueFrom(this.http.post<CreatedUser>(apiUrl(AdminPaths.users), body));
  }

  updateUser(id: string, body: UpdateUserRequest): Promise<UserDetail> {
    return firstValueFrom(this.http.patch<UserDetail>(withId(AdminPaths.user, id), body));
  }

  setEnabled(id: string, enabled: boolean): Promise<UserDetail> {
    return firstValueFrom(
      this.http.post<UserDetail>(withId(enabled ? AdminPaths.userEnable : AdminPaths.userDisable, id), {}),
    );
  }

  /** A second administrator's decision on a pending account change. */
  decide(id: string, approve: boolean): Promise<UserDetail> {
    return firstValueFrom(
      this.http.post<UserDetail>(withId(approve ? AdminPaths.userApprove : AdminPaths.userReject, id), {}),
    );
  }

  resetMfa(id: string, adminPassword: string): Promise<UserDetail> {
    return firstValueFrom(this.http.post<UserDetail>(withId(AdminPaths.userResetMfa, id), { adminPassword }));
  }

  resetPassword(id: string): Promise<CreatedUser> {
    return firstValueFrom(this.http.post<CreatedUser>(withId(AdminPaths.userResetPassword, id), {}));
  }

  revokeSessions(id: string): Promise<UserDetail> {
    return firstValueFrom(this.http.post<UserDetail>(withId(AdminPaths.userRevokeSessions, id), {}));
  }

  listTeams(): Promise<TeamSummary[]> {
    return firstValueFrom(this.http.get<TeamSummary[]>(apiUrl(AdminPaths.teams)));
  }

  createTeam(name: string): Promise<TeamSummary> {
    return firstValueFrom(this.http.post<TeamSummary>(apiUrl(AdminPaths.teams), { name }));
  }

  renameTeam(id: string, name: string): Promise<TeamSummary> {
    return firstValueFrom(this.http.patch<TeamSummary>(withId(AdminPaths.team, id), { name }));
  }

  deleteTeam(id: string): Promise<void> {
    return firstValueFrom(this.http.delete<void>(withId(AdminPaths.team, id)));
  }
}

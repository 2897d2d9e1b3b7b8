import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { AppConfig } from '@grants/config';
import { UsersService } from '@grants/domain';

/** Creates the first admin from ADMIN_EMAIL/ADMIN_PASSWORD when none exists. */
@Injectable()
export class FirstAdminSeeder implements OnApplicationBootstrap {
  constructor(
    private readonly users: UsersService,
    private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap() {
    await this.users.ensureFirstAdmin(this.config.values.ADMIN_EMAIL, this.config.values.ADMIN_PASSWORD);
  }
}

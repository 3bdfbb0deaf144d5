// The store's one way to write, global: every capability that writes (flows, credentials, auth)
// goes through StoreService, so its write lock sees every write transaction.
import { Global, Module } from '@nestjs/common';
import { StoreService } from './store.service';

@Global()
@Module({ providers: [StoreService], exports: [StoreService] })
export class StorageModule {}

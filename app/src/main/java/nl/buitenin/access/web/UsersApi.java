package nl.buitenin.access.web;

import java.util.List;
import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import nl.buitenin.access.Allow;
import nl.buitenin.access.AnySignedIn;
import nl.buitenin.access.Role;
import nl.buitenin.access.User;
import nl.buitenin.access.Users;
import nl.buitenin.access.Users.NewUser;
import nl.buitenin.platform.NotFoundException;
import nl.buitenin.platform.PageRequest;
import nl.buitenin.platform.PageResult;

@RestController
@RequestMapping("/api/v1")
class UsersApi {

    private final Users users;

    UsersApi(Users users) {
        this.users = users;
    }

    record UserView(String id, String username, String displayName, Set<Role> roles, String team, String language, boolean enabled) {
        static UserView of(User u) {
            return new UserView(u.id().toString(), u.username(), u.displayName(), u.roles(), u.team(), u.language(), u.enabled());
        }
    }

    record NewUserRequest(@NotBlank @Size(max = 100) String username, @NotBlank @Size(max = 200) String displayName,
            @NotBlank @Size(min = 12, max = 128) String password, @NotEmpty Set<Role> roles, @Size(max = 100) String team,
            String language) {
    }

    @GetMapping("/me")
    @AnySignedIn
    @Operation(summary = "The signed-in user")
    UserView me() {
        return users.current().map(UserView::of).orElseThrow(() -> new NotFoundException("access.thing.user", "current"));
    }

    @GetMapping("/users")
    @Allow(Role.ADMIN)
    @Operation(summary = "All users, a page at a time")
    PageResult<UserView> list(@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        PageRequest request = PageRequest.of(page, size);
        List<UserView> all = users.all().stream().map(UserView::of).toList();
        int from = (int) Math.min(request.offset(), all.size());
        int to = Math.min(from + request.size(), all.size());
        return new PageResult<>(all.subList(from, to), request.page(), request.size(), all.size());
    }

    @PostMapping("/users")
    @Allow(Role.ADMIN)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a user; they must choose a new password at the first sign-in")
    UserView create(@Valid @RequestBody NewUserRequest request) {
        return UserView.of(users.create(new NewUser(request.username(), request.displayName(), request.password(),
                request.roles(), request.team(), request.language(), true)));
    }
}
